import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DependencyType } from '../schedule.enums';
import { Task } from './task.entity';
import { ProjectScopedEntity } from '../../project/entities/project-scoped.entity';

@ObjectType('Dependency')
@Entity()
@Index(['predecessorId', 'successorId'], { unique: true })
export class Dependency extends ProjectScopedEntity {
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
