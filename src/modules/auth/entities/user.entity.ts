import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Organization } from '../auth.enums';

@ObjectType('User')
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased so that logins and uniqueness ignore case. */
  @Field()
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  @Field(() => Organization)
  @Column({ type: 'enum', enum: Organization, enumName: 'organization' })
  organization: Organization;

  @Field()
  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  /** scrypt hash with its parameters and salt; never exposed through the API. */
  @Column({ type: 'varchar', length: 400 })
  passwordHash: string;

  /** Tokens issued before this instant are no longer accepted. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
