import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../people/entities/user.entity';
import { Criterion } from './criterion.entity';

/**
 * Append-only: who set a criterion's confirmers to whom, and when. Whose confirmation a criterion
 * needs is part of the acceptance record, so a change of it is never silent.
 */
@Entity()
@Index(['criterionId', 'at'])
export class ConfirmerChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  criterionId: string;

  // Goes only with a criterion that was never decided on (a trigger guards the rest).
  @ManyToOne(() => Criterion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Relation<Criterion>;

  @Column('uuid')
  changedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'changed_by_id' })
  changedBy?: Relation<User>;

  /** The confirmers after the change. */
  @Column('uuid', { array: true })
  confirmerIds: string[];

  /** The wall clock at insert, not the transaction's start: the order of the record is the order of events. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;
}
