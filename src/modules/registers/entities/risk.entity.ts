import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { User } from '../../auth/entities/user.entity';
import { RegisterStatus, RiskResponse } from '../registers.enums';
import { VersionedProjectScopedEntity } from '../../project/entities/project-scoped.entity';

/** An entry of the project's risk register (REPORTING.md "Steering"); its score is computed on read. */
@ObjectType('Risk')
@Entity()
@Check('risk_probability_1_to_5', '"probability" BETWEEN 1 AND 5')
@Check('risk_impact_1_to_5', '"impact" BETWEEN 1 AND 5')
export class Risk extends VersionedProjectScopedEntity {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  probability: number;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  impact: number;

  /** A member of the project when set (Risk.owner); a person leaving the project leaves it without one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @Field(() => RiskResponse, { nullable: true })
  @Column({ type: 'enum', enum: RiskResponse, enumName: 'risk_response', nullable: true })
  response: RiskResponse | null;

  /** When the risk would strike, if known. */
  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  proximity: string | null;

  @Field(() => RegisterStatus)
  @Column({ type: 'enum', enum: RegisterStatus, enumName: 'register_status', default: RegisterStatus.OPEN })
  status: RegisterStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
