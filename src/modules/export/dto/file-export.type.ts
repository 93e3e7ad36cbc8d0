import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';

@ObjectType('FileExport', { description: 'A workbook to download: the URL works without a sign-in header, for the person who asked, until expiresAt (15 minutes)' })
export class FileExport {
  @Field()
  url: string;

  @Field()
  fileName: string;

  @Field(() => DateTimeScalar)
  expiresAt: Date;
}
