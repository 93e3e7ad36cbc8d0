import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Territory } from '../../project/entities/territory.entity';
import { MilestoneSplit, MilestoneStatus } from '../milestone.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** A launchable slice of the rollout: prepare → launch (go-live) → hypercare. */
@ObjectType('Milestone')
@Entity()
export class Milestone extends VersionedProjectScopedEntity {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => MilestoneSplit)
  @Column({ type: 'enum', enum: MilestoneSplit, enumName: 'milestone_split' })
  splitBy: MilestoneSplit;

  @Column({ type: 'uuid', nullable: true })
  functionAreaId: string | null;

  @ManyToOne(() => FunctionArea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'function_area_id' })
  functionArea?: Relation<FunctionArea>;

  @Column({ type: 'uuid', nullable: true })
  territoryId: string | null;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: Relation<Territory>;

  @Field(() => MilestoneStatus)
  @Column({ type: 'enum', enum: MilestoneStatus, enumName: 'milestone_status', default: MilestoneStatus.PLANNED })
  status: MilestoneStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  actualGoLive: string | null;
}
