import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from './project.entity';

/** A business function milestones are cut along: order intake, document issuing. */
@ObjectType('FunctionArea')
@Entity()
@Index(['projectId', 'name'], { unique: true })
export class FunctionArea {
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
}
