import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from './project.entity';

/** A plant, warehouse or branch launched on its own; may work to its own calendar. */
@ObjectType('Territory')
@Entity()
@Index(['projectId', 'name'], { unique: true })
export class Territory {
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

  /** Null: the project's calendar. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  calendarCode: string | null;
}
