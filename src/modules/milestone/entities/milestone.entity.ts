import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Project } from '../../project/entities/project.entity';
import { Territory } from '../../project/entities/territory.entity';
import { MilestoneSplit, MilestoneStatus } from '../milestone.enums';

/** A launchable slice of the rollout: prepare → launch (go-live) → hypercare. */
@ObjectType('Milestone')
@Entity()
export class Milestone {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

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

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
