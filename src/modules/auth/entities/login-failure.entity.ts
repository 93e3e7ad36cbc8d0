import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, kept in the database so that every instance of the service sees the same count. */
@Entity()
@Index(['email', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As typed, lower-cased: unknown emails are throttled exactly like known ones. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
