import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Baseline } from './baseline.entity';

/** One task's or one milestone's planned dates as they were when the baseline was captured. */
@Entity()
@Index(['baselineId', 'taskId'], { unique: true, where: 'task_id IS NOT NULL' })
@Index(['baselineId', 'milestoneId'], { unique: true, where: 'milestone_id IS NOT NULL' })
export class BaselineEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  baselineId: string;

  @ManyToOne(() => Baseline, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'baseline_id' })
  baseline?: Relation<Baseline>;

  /** No foreign key: the snapshot outlives a task or milestone deleted later. */
  @Column({ type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ type: 'uuid', nullable: true })
  milestoneId: string | null;

  @Column({ type: 'date', nullable: true })
  start: string | null;

  @Column({ type: 'date', nullable: true })
  finish: string | null;
}
