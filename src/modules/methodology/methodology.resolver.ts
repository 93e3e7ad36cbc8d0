import { Query, Resolver } from '@nestjs/graphql';
import { MethodologyTemplateType } from './dto/methodology-template.type';
import { MethodologyService } from './methodology.service';

@Resolver(() => MethodologyTemplateType)
export class MethodologyResolver {
  constructor(private readonly methodologies: MethodologyService) {}

  @Query(() => [MethodologyTemplateType])
  methodologyTemplates(): MethodologyTemplateType[] {
    return this.methodologies.list();
  }
}
