import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { Project } from '../../project/entities/project.entity';

/** A named, immutable snapshot of the plan's dates; variance is measured against the latest. */
@ObjectType('Baseline')
@Entity()
@Index(['projectId', 'name'], { unique: true })
export class Baseline {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => DateTimeScalar)
  /** The wall clock at insert: baselines captured in one transaction (the demo's load) keep their order. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  capturedAt: Date;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  finishDate: string;

  @Column('uuid')
  capturedById: string;
}
