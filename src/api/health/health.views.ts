import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const DEPENDENCIES = ['database', 'temporal', 'smtp'];

export class LivenessView {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

export class DependencyHealthView {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ example: 3 })
  latencyMs!: number;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was checked (SMTP: at most once a minute).',
  })
  checkedAt!: string;

  @ApiPropertyOptional({ example: 'ECONNREFUSED', description: 'Stable reason, when down.' })
  reason?: string;

  @ApiPropertyOptional({
    example: 'Không kết nối được (ECONNREFUSED).',
    description: 'The reason in Vietnamese, when down; never a host name or address.',
  })
  error?: string;
}

class DependencyChecksView {
  @ApiProperty({ type: DependencyHealthView })
  database!: DependencyHealthView;

  @ApiProperty({ type: DependencyHealthView })
  temporal!: DependencyHealthView;

  @ApiProperty({ type: DependencyHealthView })
  smtp!: DependencyHealthView;
}

export class ReadinessView {
  @ApiProperty({
    enum: ['ok', 'degraded', 'unavailable'],
    description:
      'ok: every dependency answers; degraded: SMTP does not (the API still serves); unavailable: PostgreSQL or Temporal does not.',
  })
  status!: 'ok' | 'degraded' | 'unavailable';

  @ApiPropertyOptional({
    enum: DEPENDENCIES,
    isArray: true,
    description: 'Staff only: PostgreSQL or Temporal, when down.',
  })
  down?: string[];

  @ApiPropertyOptional({
    enum: DEPENDENCIES,
    isArray: true,
    description: 'Staff only: SMTP, when down.',
  })
  degraded?: string[];

  @ApiPropertyOptional({ type: DependencyChecksView, description: 'Staff only.' })
  checks?: DependencyChecksView;
}
