import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ProjectRole } from '../auth.enums';
import { Project } from '../../project/entities/project.entity';
import { User } from './user.entity';

/** A person's role in one project; a person may hold several roles (key user and trainer). */
@ObjectType('Membership')
@Entity()
@Index(['projectId', 'userId', 'role'], { unique: true })
export class Membership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field(() => ProjectRole)
  @Column({ type: 'enum', enum: ProjectRole, enumName: 'project_role' })
  role: ProjectRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
