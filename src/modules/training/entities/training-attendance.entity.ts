import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { AttendanceStatus } from '../training.enums';
import { TrainingSession } from './training-session.entity';

/** A person invited to a session, and whether they came. */
@ObjectType('Attendance')
@Entity()
export class TrainingAttendance {
  @PrimaryColumn('uuid')
  sessionId: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<TrainingSession>;

  @Index()
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field(() => AttendanceStatus)
  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status', default: AttendanceStatus.INVITED })
  status: AttendanceStatus;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
