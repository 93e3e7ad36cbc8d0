import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { User } from '../../auth/entities/user.entity';
import { StatusReport } from '../entities/status-report.entity';
import { RagDimension } from '../reporting.enums';
import { Baseline } from '../../schedule/entities/baseline.entity';
import { ExceptionDecision, ExceptionDimension } from './exception.enums';
import { ProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/**
 * An exception raised to the steering committee when a published status report's computed
 * schedule or cost rating is RED (one per report and dimension). It stays open until the
 * committee approves an exception plan or closes the project prematurely; requesting an
 * exception plan is recorded (plan_requested_*) and keeps it open for the next report.
 * `decision`, `decidedBy`, `decidedAt` and `note` hold the latest decision.
 */
@ObjectType('ProjectException')
@Entity()
@Unique('project_exception_one_per_report_and_dimension', ['reportId', 'dimension'])
@Check('project_exception_open_until_closing_decision', `"open" = ("decision" IS NULL OR "decision" = 'REQUEST_EXCEPTION_PLAN')`)
@Check('project_exception_decision_complete', `("decision" IS NULL) = ("decided_at" IS NULL) AND ("decision" IS NULL) = ("decided_by_id" IS NULL)`)
export class ProjectException extends ProjectScopedEntity {
  @Index()
  @Column('uuid')
  reportId: string;

  @ManyToOne(() => StatusReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<StatusReport>;

  @Field(() => RagDimension)
  @Column({ type: 'enum', enum: ExceptionDimension, enumName: 'exception_dimension' })
  dimension: ExceptionDimension;

  /** The publication of the report that raised it. */
  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Field({ description: 'The report and the forecast that broke the tolerance' })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: 'Until the steering committee approves an exception plan or closes the project prematurely' })
  @Column({ type: 'boolean', default: true })
  open: boolean;

  @Field(() => ExceptionDecision, { nullable: true, description: 'The latest decision' })
  @Column({ type: 'enum', enum: ExceptionDecision, enumName: 'exception_decision', nullable: true })
  decision: ExceptionDecision | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: Relation<User>;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The request for an exception plan, kept when a closing decision follows (the decision log reads both). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  planRequestedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_requested_by_id' })
  planRequestedBy?: Relation<User>;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the steering committee requested an exception plan' })
  @Column({ type: 'timestamptz', nullable: true })
  planRequestedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  planRequestNote: string | null;

  /** The baseline captured when the exception plan was approved. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  baselineId: string | null;

  @ManyToOne(() => Baseline, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'baseline_id' })
  baseline?: Relation<Baseline>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
