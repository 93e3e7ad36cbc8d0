import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from './common/config/app-config';
import { DatabaseModule } from './common/database/database.module';
import { DomainErrorFilter } from './common/errors/domain-error.filter';
import { DatabaseErrorFilter } from './common/errors/database-error.filter';
import { validationExceptionFactory } from './common/errors/validation-exception.factory';
import { buildGraphQLOptions } from './common/graphql/graphql-options';
import { DateScalar } from './common/scalars/date.scalar';
import { DecimalScalar } from './common/scalars/decimal.scalar';
import { DatabaseProbe } from './health/database-probe';
import { HealthController } from './health/health.controller';
import { AuthModule } from './modules/auth/auth.module';
import { AuthService } from './modules/auth/auth.service';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CriterionModule } from './modules/criterion/criterion.module';
import { ExportModule } from './modules/export/export.module';
import { MethodologyModule } from './modules/methodology/methodology.module';
import { MilestoneModule } from './modules/milestone/milestone.module';
import { PeopleModule } from './modules/people/people.module';
import { ProjectModule } from './modules/project-management/project.module';
import { RegistersModule } from './modules/registers/registers.module';
import { ReportingModule } from './modules/reporting/reporting.module';
import { ScheduleModule } from './modules/schedule/schedule.module';
import { ExceptionsModule } from './modules/reporting/exceptions/exceptions.module';
import { StageModule } from './modules/stage/stage.module';
import { SteeringModule } from './modules/steering/steering.module';
import { TrainingModule } from './modules/training/training.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuthService],
          useFactory: (auth: AuthService) => ({
            ...buildGraphQLOptions(config, auth),
            resolvers: { Date: DateScalar, Decimal: DecimalScalar },
          }),
        }),
        CalendarModule,
        MethodologyModule,
        PeopleModule,
        ProjectModule,
        StageModule,
        MilestoneModule,
        ScheduleModule,
        CriterionModule,
        TrainingModule,
        RegistersModule,
        ReportingModule,
        SteeringModule,
        ExceptionsModule,
        ExportModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DatabaseProbe, inject: [DataSource], useFactory: (dataSource: DataSource) => new DatabaseProbe(config.databaseUrl, dataSource) },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_FILTER, useClass: DatabaseErrorFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, forbidUnknownValues: false, exceptionFactory: validationExceptionFactory }),
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
