import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, VirtualColumn } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { DecimalScalar } from '../../../common/scalars/decimal.scalar';
import { ProjectStatus } from '../project.enums';

@ObjectType('Project')
@Entity()
export class Project {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human-readable and unique, e.g. CRM-BELO. */
  @Field()
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  clientName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  systemName: string | null;

  @Field(() => ProjectStatus)
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', default: ProjectStatus.PLANNING })
  status: ProjectStatus;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  startDate: string;

  /** Progress is read as of this date (REPORTING.md, MS Project's status date); null = the plan alone. */
  @Field(() => DateScalar, { nullable: true, description: 'progress is read as of this date (REPORTING.md); null = the plan alone' })
  @Column({ type: 'date', nullable: true })
  statusDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  templateKey: string | null;

  @Column({ type: 'varchar', length: 40 })
  calendarCode: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 10 })
  timeToleranceDays: number;

  /** PRINCE2 cost tolerance: an exact amount (pg gives numeric as a string), null = no budget, cost not rated. */
  @Field(() => DecimalScalar, { nullable: true })
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  budget: string | null;

  /** ISO 4217 code of the budget and of the reports' cost figures. */
  @Field({ description: 'ISO 4217, default RUB' })
  @Column({ type: 'char', length: 3, default: 'RUB' })
  currency: string;

  @Field(() => Int, { description: 'default 10' })
  @Column({ type: 'smallint', default: 10 })
  costTolerancePercent: number;

  /** The qualification rule of key users: who counts towards coverage (see keyUserCoverage). */
  @Field(() => Int)
  @Column({ type: 'smallint', default: 4 })
  keyUserMinProcessKnowledge: number;

  @Field(() => Int)
  @Column({ type: 'smallint', default: 3 })
  keyUserMinTeaching: number;

  @Field(() => Int)
  @Column({ type: 'smallint', default: 1 })
  keyUsersRequiredPerCell: number;

  /** Secret in the training calendar feed's URL (calendar apps send no headers); revocable. */
  @Column({ type: 'varchar', length: 64 })
  calendarFeedToken: string;

  /**
   * Changes with everything the schedule is computed from, in the same transaction (database
   * triggers, migration PlanVersion): the key of the cached schedule. Never written by the app.
   * A bigint, read as a string.
   */
  @Column({ type: 'bigint', default: 0, insert: false, update: false })
  planVersion: string;

  /**
   * The latest baseline's finish (BaselineService.latest's order), read with the row: the project's
   * health compares the forecast with it, and a summary should not cost a statement more for it.
   * Not a column; undefined where the row was not read through the ORM (then ask BaselineService).
   */
  @VirtualColumn({ type: 'date', query: (alias) =>
    `SELECT b.finish_date FROM baseline b WHERE b.project_id = ${alias}.id ORDER BY b.captured_at DESC, b.id DESC LIMIT 1` })
  latestBaselineFinish?: string | null;

  /**
   * The latest baseline's milestone go-lives (milestone id → date), read with the row for the same
   * reason: the schedule health also weighs each milestone's go-live variance (REPORTING.md).
   */
  @VirtualColumn({ type: 'jsonb', query: (alias) =>
    `SELECT coalesce(jsonb_object_agg(e.milestone_id, e.finish), '{}'::jsonb) FROM baseline_entry e WHERE e.milestone_id IS NOT NULL AND e.baseline_id = ` +
    `(SELECT b.id FROM baseline b WHERE b.project_id = ${alias}.id ORDER BY b.captured_at DESC, b.id DESC LIMIT 1)` })
  latestBaselineGoLives?: Record<string, string | null>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
