import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { SteeringMeeting } from './steering-meeting.entity';

/** Who attended a meeting: members of the project when it was recorded; the record stays if they leave. */
@Entity()
export class MeetingAttendee {
  @PrimaryColumn('uuid')
  meetingId: string;

  @ManyToOne(() => SteeringMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<SteeringMeeting>;

  @Index()
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
