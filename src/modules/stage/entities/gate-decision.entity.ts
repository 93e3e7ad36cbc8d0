import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { User } from '../../auth/entities/user.entity';
import { Project } from '../../project/entities/project.entity';
import { GateOutcome } from '../../plan/stage.enums';
import { Stage } from '../../plan/entities/stage.entity';

/**
 * A steering committee decision, append-only: at a stage's gate, or (stage null) the client's
 * decision to move the project into support. The latest decision of a gate is the one in force.
 */
@ObjectType('GateDecision')
@Entity()
@Index(['projectId', 'decidedAt'])
export class GateDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  stageId: string | null;

  @ManyToOne(() => Stage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stage_id' })
  stage?: Relation<Stage>;

  @Field(() => GateOutcome)
  @Column({ type: 'enum', enum: GateOutcome, enumName: 'gate_outcome' })
  outcome: GateOutcome;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column('uuid')
  decidedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: Relation<User>;

  @Field(() => DateTimeScalar)
  /** The wall clock at insert, not the transaction's start: the record's order is the order of events. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  decidedAt: Date;
}
