import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { Criterion } from './criterion.entity';

/** A person whose confirmation the criterion requires. */
@Entity()
export class CriterionConfirmer {
  @PrimaryColumn('uuid')
  criterionId: string;

  @ManyToOne(() => Criterion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Relation<Criterion>;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
