import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { User } from '../../auth/entities/user.entity';
import { DecisionStatus } from '../steering.enums';
import { SteeringMeeting } from './steering-meeting.entity';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/**
 * A decision taken at a meeting, tracked to done. What was decided (text, owner, due date) never
 * changes — the database refuses it (migration Steering1796600000000); only its status moves (version-checked).
 */
@ObjectType('Decision')
@Entity()
export class MeetingDecision extends VersionedProjectScopedEntity {
  @Index()
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => SteeringMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<SteeringMeeting>;

  @Field()
  @Column({ type: 'text' })
  text: string;

  /** A member of the project when the decision was taken; part of what was decided, so it stays as recorded. */
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
}
