import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { User } from '../../auth/entities/user.entity';
import { IssuePriority, IssueStatus, IssueType } from '../registers.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** An entry of the project's issue register (REPORTING.md "Steering"). */
@ObjectType('ProjectIssue')
@Entity()
export class ProjectIssue extends VersionedProjectScopedEntity {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Set when raised: a request for change and a problem are handled differently, so it does not change. */
  @Field(() => IssueType)
  @Column({ type: 'enum', enum: IssueType, enumName: 'issue_type' })
  type: IssueType;

  @Field(() => IssuePriority)
  @Column({ type: 'enum', enum: IssuePriority, enumName: 'issue_priority' })
  priority: IssuePriority;

  /** A member of the project when set (ProjectIssue.owner); a person leaving the project leaves it without one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  /** Who raised it; kept when they leave the project, as the record of where it came from. */
  @Index()
  @Column('uuid')
  raisedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by_id' })
  raisedBy?: Relation<User>;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt: Date;

  @Field(() => IssueStatus)
  @Column({ type: 'enum', enum: IssueStatus, enumName: 'issue_status', default: IssueStatus.OPEN })
  status: IssueStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
