import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { DecimalScalar } from '../../../common/scalars/decimal.scalar';
import { User } from '../../auth/entities/user.entity';
import { RagRating, ReportItem, ReportMilestone } from '../dto/report.types';
import { Rag } from '../../schedule/rag.enum';
import type { RagDimension } from '../reporting.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** A PM's override of one computed rating; the computed rating stays beside it. */
export interface RatingOverride {
  dimension: RagDimension;
  rating: Rag;
  reason: string;
  byId: string;
  at: string;
}

/**
 * A status report for one period of a project (REPORTING.md "Status reports"). A draft stores
 * only what the PM entered (summary, cost figures, decisions requested, overrides); its ratings
 * and content are computed on each read. Publishing freezes everything into `snapshot`, which
 * is what a published report reads from ever after. The computed fields below are filled in by
 * ReportingService (from the snapshot, or computed for a draft) before GraphQL reads them.
 */
@ObjectType('StatusReport')
@Entity()
@Check('status_report_period_ordered', '"period_end" >= "period_start"')
@Check('status_report_published_has_snapshot', '("published_at" IS NULL) = ("snapshot" IS NULL)')
export class StatusReport extends VersionedProjectScopedEntity {
  @Field(() => DateScalar)
  @Column({ type: 'date' })
  periodStart: string;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  periodEnd: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Exact amounts in the project's currency (pg gives numeric as a string). */
  @Field(() => DecimalScalar, { nullable: true })
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  costToDate: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  forecastAtCompletion: string | null;

  @Field(() => [String])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  decisionsRequested: string[];

  /** The PM's overrides, at most one per dimension. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  ratingOverrides: RatingOverride[];

  /** The whole report as published (ratings, basis, content); null while a draft. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: Relation<User>;

  @Index()
  @Column('uuid')
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  // ---- Computed on read (a draft) or read from the snapshot (published); not columns. ----

  @Field()
  published?: boolean;

  @Field(() => Rag, { description: 'The worst of the effective ratings (a dimension not rated does not count)' })
  overall?: Rag;

  @Field(() => Rag, { description: 'Effective ratings per dimension (the override, else computed); see ratings for both and the basis' })
  schedule?: Rag;

  @Field(() => Rag)
  scope?: Rag;

  @Field(() => Rag, { nullable: true, description: 'null: not rated (no budget, or no forecast at completion on the report)' })
  cost?: Rag | null;

  @Field(() => Rag)
  quality?: Rag;

  @Field(() => Rag)
  risk?: Rag;

  @Field(() => Rag)
  readiness?: Rag;

  @Field(() => [RagRating])
  ratings?: RagRating[];

  @Field(() => DateScalar, { description: 'The schedule finish as of periodEnd' })
  forecastFinish?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The latest baseline finish; null: no baseline' })
  baselineFinish?: string | null;

  @Field(() => [ReportItem], { description: 'Tasks finished, milestones launched, criteria confirmed or waived, gate decisions taken in the period' })
  thisPeriod?: ReportItem[];

  @Field(() => [ReportItem], { description: 'Tasks starting and milestones going live in the next period (the same length after periodEnd), by forecast' })
  nextPeriod?: ReportItem[];

  @Field(() => [ReportMilestone])
  milestones?: ReportMilestone[];

  @Field(() => [ReportItem], { description: 'Open risks, highest score first' })
  risks?: ReportItem[];

  @Field(() => [ReportItem], { description: 'Open issues, by priority' })
  issues?: ReportItem[];
}
