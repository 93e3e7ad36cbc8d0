import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Milestone } from '../../plan/entities/milestone.entity';
import { Stage } from '../../plan/entities/stage.entity';
import { User } from '../../auth/entities/user.entity';
import { CriterionKind, Priority } from '../criterion.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/**
 * An exit criterion of a stage, acceptance criterion of a milestone or completion criterion of
 * the project. Its status is derived from confirmations and the waiver, never stored. Its `version`
 * is sent back with setCriterionConfirmers: a concurrent change of the confirmers is refused.
 */
@ObjectType('Criterion')
@Entity()
export class Criterion extends VersionedProjectScopedEntity {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  stageId: string | null;

  @ManyToOne(() => Stage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stage_id' })
  stage?: Relation<Stage>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  milestoneId: string | null;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Relation<Milestone>;

  @Field(() => CriterionKind)
  @Column({ type: 'enum', enum: CriterionKind, enumName: 'criterion_kind' })
  kind: CriterionKind;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => Priority)
  @Column({ type: 'enum', enum: Priority, enumName: 'priority', default: Priority.MUST })
  priority: Priority;

  /** Order of the criterion within its owner, as the template listed them. */
  @Column({ type: 'int', default: 0 })
  position: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  waiverReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  waivedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'waived_by_id' })
  waivedBy?: Relation<User>;

  @Field(() => Date, { nullable: true, description: 'When the steering committee waived it (waivedBy: who)' })
  @Column({ type: 'timestamptz', nullable: true })
  waivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
