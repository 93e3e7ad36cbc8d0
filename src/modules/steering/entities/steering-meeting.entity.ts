import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { User } from '../../auth/entities/user.entity';
import { Project } from '../../project/entities/project.entity';
import { MeetingKind } from '../steering.enums';

/** A steering committee or weekly status meeting as held (REPORTING.md "Steering"): the minutes' header. */
@ObjectType('SteeringMeeting')
@Entity()
@Index(['projectId', 'heldOn'])
export class SteeringMeeting {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Field(() => MeetingKind)
  @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' })
  kind: MeetingKind;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  heldOn: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index()
  @Column('uuid')
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: Relation<User>;

  /** The wall clock at insert: meetings of one day read in the order they were recorded. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt: Date;
}
