import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { Project } from '../../project/entities/project.entity';
import { StageKind, StageStatus } from '../stage.enums';

/** A PRINCE2 management stage, closed by a steering committee gate. */
@ObjectType('Stage')
@Entity()
@Index(['projectId', 'sequence'], { unique: true })
export class Stage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Field(() => StageKind)
  @Column({ type: 'enum', enum: StageKind, enumName: 'stage_kind' })
  kind: StageKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  sequence: number;

  @Field(() => StageStatus)
  @Column({ type: 'enum', enum: StageStatus, enumName: 'stage_status', default: StageStatus.NOT_STARTED })
  status: StageStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  actualStart: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  actualFinish: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
