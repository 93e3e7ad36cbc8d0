import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { echo } from '../../common/validation/input-limits';
import { StageKind } from '../plan/stage.enums';
import { MethodologyTemplateType } from './dto/methodology-template.type';
import type { MethodologyTemplateDefinition } from './engine/methodology-template';
import { loadMethodologyTemplates } from './engine/methodology-template.loader';

/** The methodology recipes under templates/methodologies, loaded once at start-up. */
@Injectable()
export class MethodologyService {
  private readonly templates: Map<string, MethodologyTemplateDefinition>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const loaded = loadMethodologyTemplates(join(config.templatesDir, 'methodologies'));
    this.templates = new Map(loaded.map((template) => [template.key, template]));
  }

  list(): MethodologyTemplateType[] {
    return [...this.templates.values()].map((template) => ({
      key: template.key,
      name: template.name,
      description: template.description ?? null,
      stages: template.stages.map((stage) => ({
        kind: stage.kind as StageKind,
        name: stage.name,
        durationDays: stage.durationDays,
      })),
    }));
  }

  find(key: string): MethodologyTemplateDefinition | undefined {
    return this.templates.get(key);
  }

  require(key: string): MethodologyTemplateDefinition {
    const template = this.templates.get(key);
    if (!template) {
      throw new DomainError(
        ErrorCode.UNKNOWN_TEMPLATE,
        `Unknown methodology template "${echo(key)}"; available: ${[...this.templates.keys()].join(', ')}`,
        { field: 'templateKey' },
      );
    }
    return template;
  }
}
