import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from '../../project/entities/project.entity';
import { DependencyType } from '../schedule.enums';
import { Task } from './task.entity';

@ObjectType('Dependency')
@Entity()
@Index(['predecessorId', 'successorId'], { unique: true })
export class Dependency {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column('uuid')
  predecessorId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'predecessor_id' })
  predecessor?: Relation<Task>;

  @Index()
  @Column('uuid')
  successorId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'successor_id' })
  successor?: Relation<Task>;

  @Field(() => DependencyType)
  @Column({ type: 'enum', enum: DependencyType, enumName: 'dependency_type', default: DependencyType.FS })
  type: DependencyType;

  /** Working days of the successor's calendar; negative is a lead. */
  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  lagDays: number;
}
