import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StatusReport } from '../../reporting/entities/status-report.entity';
import { SteeringMeeting } from './steering-meeting.entity';

/** A status report reviewed at a meeting (a report of the meeting's project); part of the minutes, so it stays as recorded. */
@Entity()
export class MeetingReport {
  @PrimaryColumn('uuid')
  meetingId: string;

  @ManyToOne(() => SteeringMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<SteeringMeeting>;

  @Index()
  @PrimaryColumn('uuid')
  reportId: string;

  @ManyToOne(() => StatusReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<StatusReport>;
}
