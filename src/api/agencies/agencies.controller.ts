import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Agency } from '../../entities/index.js';

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SNV' }) code: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'thamdinh.snv@example.vn' })
  email: string | null;
}

@ApiTags('agencies')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'The appraising agencies (cơ quan thẩm định), by code',
    description: 'Index sets name them by code (agency_code) for the criteria each appraises.',
  })
  @ApiOkResponse({ type: [AgencyView] })
  async list(): Promise<AgencyView[]> {
    const agencies = await this.dataSource.getRepository(Agency).find({ order: { code: 'ASC' } });
    return agencies.map(({ id, code, name, email }) => ({ id, code, name, email }));
  }
}
