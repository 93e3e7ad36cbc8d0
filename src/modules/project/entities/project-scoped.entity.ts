import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { Project } from './project.entity';

/**
 * The columns every row that belongs to one project repeats (as Vendure's VendureEntity): a uuid key,
 * the indexed project id that access checks look up, and the relation that deletes the row with its
 * project. Index and foreign-key names derive from the subclass's table and these column names, so a
 * subclass has the same schema as when it declared them itself. Only `id` is a GraphQL field:
 * `projectId` stays out of the schema.
 */
@ObjectType({ isAbstract: true })
export abstract class ProjectScopedEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;
}

/** A project-scoped row edited under optimistic locking: clients send `version` back with each change. */
@ObjectType({ isAbstract: true })
export abstract class VersionedProjectScopedEntity extends ProjectScopedEntity {
  @Field(() => Int)
  @VersionColumn()
  version: number;
}
