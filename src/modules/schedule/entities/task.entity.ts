import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { Milestone } from '../../plan/entities/milestone.entity';
import { User } from '../../auth/entities/user.entity';
import { Stage } from '../../plan/entities/stage.entity';
import { MilestonePhase } from '../schedule.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** A unit of scheduled work; its dates come from the scheduler, never from storage. */
@ObjectType('Task')
@Entity()
export class Task extends VersionedProjectScopedEntity {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  stageId: string | null;

  @ManyToOne(() => Stage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'stage_id' })
  stage?: Relation<Stage>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  milestoneId: string | null;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Relation<Milestone>;

  @Column({ type: 'enum', enum: MilestonePhase, enumName: 'milestone_phase', nullable: true })
  milestonePhase: MilestonePhase | null;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  durationDays: number;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  startNoEarlierThan: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  percentComplete: number;

  /** Progress, recorded (never in the future): read as of the project's status date (REPORTING.md). */
  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  actualStart: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  actualFinish: string | null;

  /** Who does the work: a member of the project when set (Task.owner). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  // Computed, never stored: set on the rows of a computed schedule (ScheduleService), so that
  // GraphQL reads them as plain properties; on a task from elsewhere they are promises
  // (ScheduleService.withDates) read from its project's schedule only when asked for.
  @Field(() => DateScalar)
  start?: string;

  @Field(() => DateScalar)
  finish?: string;

  @Field(() => DateScalar)
  lateStart?: string;

  @Field(() => DateScalar)
  lateFinish?: string;

  @Field(() => Int)
  totalFloatDays?: number;

  @Field()
  critical?: boolean;
}
