import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { Milestone } from '../../plan/entities/milestone.entity';
import { User } from '../../auth/entities/user.entity';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Territory } from '../../project/entities/territory.entity';
import { TrainingAudience, TrainingFormat } from '../training.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** Its `version` is also the iCalendar SEQUENCE: calendar apps take a higher one as an update. */
@ObjectType('TrainingSession')
@Entity()
@Index(['startsAt', 'endsAt'])
@Check('"ends_at" > "starts_at" AND "capacity" >= 1')
export class TrainingSession extends VersionedProjectScopedEntity {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => TrainingAudience)
  @Column({ type: 'enum', enum: TrainingAudience, enumName: 'training_audience' })
  audience: TrainingAudience;

  @Field(() => TrainingFormat)
  @Column({ type: 'enum', enum: TrainingFormat, enumName: 'training_format' })
  format: TrainingFormat;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  meetingUrl: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** IANA zone the session is held in (Europe/Moscow), for calendars; null: shown in UTC. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Index()
  @Column('uuid')
  trainerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainer_id' })
  trainer?: Relation<User>;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'uuid', nullable: true })
  functionAreaId: string | null;

  @ManyToOne(() => FunctionArea, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'function_area_id' })
  functionArea?: Relation<FunctionArea>;

  @Column({ type: 'uuid', nullable: true })
  territoryId: string | null;

  @ManyToOne(() => Territory, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'territory_id' })
  territory?: Relation<Territory>;

  @Column({ type: 'uuid', nullable: true })
  milestoneId: string | null;

  @ManyToOne(() => Milestone, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Relation<Milestone>;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when the session was cancelled; it then blocks no one' })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
