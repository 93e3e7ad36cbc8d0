import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { User } from '../../auth/entities/user.entity';
import { ConfirmationDecision } from '../criterion.enums';
import { Criterion } from './criterion.entity';

/** Append-only: a legal fact between client and integrator, never edited or deleted. */
@ObjectType('Confirmation')
@Entity()
@Index(['criterionId', 'at'])
export class Confirmation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  criterionId: string;

  @ManyToOne(() => Criterion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Relation<Criterion>;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field(() => ConfirmationDecision)
  @Column({ type: 'enum', enum: ConfirmationDecision, enumName: 'confirmation_decision' })
  decision: ConfirmationDecision;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field(() => DateTimeScalar)
  /** The wall clock at insert, not the transaction's start: the record's order is the order of events. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;
}
