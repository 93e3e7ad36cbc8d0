import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Territory } from '../../project/entities/territory.entity';
import { User } from '../../auth/entities/user.entity';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** A person as key user of a function area (and optionally a territory), with competency scores. */
@ObjectType('KeyUserAssignment')
@Entity()
@Check('"process_knowledge" BETWEEN 1 AND 5 AND "system_logic" BETWEEN 1 AND 5 AND "engagement" BETWEEN 1 AND 5 AND "teaching" BETWEEN 1 AND 5')
export class KeyUserAssignment extends VersionedProjectScopedEntity {
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column('uuid')
  functionAreaId: string;

  @ManyToOne(() => FunctionArea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'function_area_id' })
  functionArea?: Relation<FunctionArea>;

  @Column({ type: 'uuid', nullable: true })
  territoryId: string | null;

  @ManyToOne(() => Territory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territory_id' })
  territory?: Relation<Territory>;

  @Field(() => Int, { description: 'Knows the business process of the area, 1..5' })
  @Column({ type: 'smallint' })
  processKnowledge: number;

  @Field(() => Int, { description: "Understands the system's logic, 1..5" })
  @Column({ type: 'smallint' })
  systemLogic: number;

  @Field(() => Int, { description: 'Motivated and engaged, 1..5' })
  @Column({ type: 'smallint' })
  engagement: number;

  @Field(() => Int, { description: 'Able to teach others, 1..5' })
  @Column({ type: 'smallint' })
  teaching: number;

  @Field()
  @Column({ type: 'boolean', default: false })
  firstLineSupport: boolean;

  @Field()
  @Column({ type: 'boolean', default: false })
  backup: boolean;
}
