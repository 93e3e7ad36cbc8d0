import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { User } from '../../people/entities/user.entity';
import { Project } from '../../project/entities/project.entity';
import { DecisionStatus } from '../steering.enums';
import { SteeringMeeting } from './steering-meeting.entity';

/**
 * A decision taken at a meeting, tracked to done. Its text is what was decided and never changes;
 * only its status moves (version-checked).
 */
@ObjectType('Decision')
@Entity()
export class MeetingDecision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The meeting's project, kept on the row so access checks find it in one look-up. */
  @Index()
  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Index()
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => SteeringMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<SteeringMeeting>;

  @Field()
  @Column({ type: 'text' })
  text: string;

  /** A member of the project when set; a person leaving the project leaves open decisions without one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Field(() => DecisionStatus)
  @Column({ type: 'enum', enum: DecisionStatus, enumName: 'decision_status', default: DecisionStatus.OPEN })
  status: DecisionStatus;

  @Column('uuid')
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: Relation<User>;

  /** The wall clock at insert: the decisions of one meeting keep the order they were taken in. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
