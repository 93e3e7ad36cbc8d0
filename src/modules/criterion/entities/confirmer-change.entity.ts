import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
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

  /** Null: changed by the service itself (an upgrade bringing data under a new rule), see `reason`. */
  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'changed_by_id' })
  changedBy?: Relation<User>;

  /** The confirmers after the change. */
  @Column('uuid', { array: true })
  confirmerIds: string[];

  /** Why, when the service made the change. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The wall clock at insert, not the transaction's start: the order of the record is the order of events. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;
}
