import { Module } from '@nestjs/common';
import { MethodologyResolver } from './methodology.resolver';
import { MethodologyService } from './methodology.service';

@Module({ providers: [MethodologyService, MethodologyResolver], exports: [MethodologyService] })
export class MethodologyModule {}
