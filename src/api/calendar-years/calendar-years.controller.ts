import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { contentDisposition } from '../../domain/evidence-file-types.js';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { ImportFileInterceptor } from '../common/import-upload.js';
import { XLSX_TYPE } from '../common/spreadsheet.js';
import {
  CalendarYearDeletedView,
  CalendarYearSavedView,
  CalendarYearSummaryView,
  CalendarYearView,
} from './calendar-years.dto.js';
import { CalendarYearsService, yearParam } from './calendar-years.service.js';

const YEAR_EXAMPLE = {
  year: 2027,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    { date: '2027-02-05', to: '2027-02-11', name: 'Tết Nguyên đán Đinh Mùi', kind: 'holiday' },
    {
      date: '2027-05-03',
      name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2027-05-01',
    },
  ],
  makeUpWorkingDays: [],
  sourceDecision: 'Thông báo số …/TB-BNV ngày …/…/2026 của Bộ Nội vụ',
  provisional: false,
};

@ApiTags('calendar-years')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
@Controller('calendar-years')
export class CalendarYearsController {
  constructor(private readonly years: CalendarYearsService) {}

  @Get()
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'The years of the working-day calendar: built-in or loaded (admin, secretariat)',
    description:
      'Every year with data: shipped with the service (origin built-in) or loaded as data (origin data, which replaces the built-in year). A year in neither is planned on Monday–Friday (holidays unknown): the forecast, the launch and deadline changes name it, and the secretariat gets one mail per campaign and year.',
  })
  @ApiOkResponse({ type: [CalendarYearSummaryView] })
  list(): Promise<CalendarYearSummaryView[]> {
    return this.years.list();
  }

  @Get('template.xlsx')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'The workbook to fill in for a year (admin, secretariat)',
    description:
      'Sheets «Thông tin» (Mục | Giá trị: Năm, Phạm vi, Văn bản căn cứ, Tạm tính Có/Không, Ngày nghỉ hằng tuần, Nguồn), «Ngày nghỉ» (Ngày | Đến ngày | Tên | Loại | Nghỉ bù cho ngày | Ghi chú; Loại: Lễ, Tết / Nghỉ bù / Hoán đổi / Khác), «Ngày làm bù» (Ngày | Tên | Làm bù cho ngày | Ghi chú) and «Hướng dẫn». Dates DD/MM/YYYY. With ?year=, filled in with that year as it counts now (built-in or loaded); send it back to POST /calendar-years/import.',
  })
  @ApiQuery({ name: 'year', required: false, example: '2027' })
  @ApiProduces(XLSX_TYPE)
  @ApiResponse({
    status: 200,
    description: 'The workbook, as an attachment.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A year that is not 4 digits.' })
  async template(@Query('year') year?: string): Promise<StreamableFile> {
    const file = await this.years.template(
      year === undefined || year === '' ? null : yearParam(String(year)),
    );
    return new StreamableFile(file.buffer, {
      type: XLSX_TYPE,
      disposition: contentDisposition(file.fileName),
      length: file.buffer.length,
    });
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: 'Load a year from a file: JSON or the XLSX template (admin, secretariat)',
    description:
      'Multipart, the file in the field «file»: a .json as PUT /calendar-years/{year} takes it, or an .xlsx made from GET /calendar-years/template.xlsx. The year is the file’s. It replaces the built-in year (or an earlier load) for every plan from the next one on. Every problem of the file is reported at once (422, `fields`: sheet, row and column, or the JSON field, in Vietnamese); nothing is stored then. Audited.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: CalendarYearSavedView })
  @ApiBadRequestResponse({ description: 'No file, or an unreadable workbook.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Neither .json nor .xlsx.' })
  @ApiUnprocessableEntityResponse({ description: 'Every problem of the file, located.' })
  import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
  ): Promise<CalendarYearSavedView> {
    return this.years.import(actor, file);
  }

  @Get(':year')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'One year of the working-day calendar with its days (admin, secretariat)',
    description: 'The year as it counts now: loaded (origin data) or built-in.',
  })
  @ApiParam({ name: 'year', example: '2027' })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiBadRequestResponse({ description: 'A year that is not 4 digits.' })
  @ApiNotFoundResponse({ description: 'No data for that year (planned on Monday–Friday).' })
  get(@Param('year') year: string): Promise<CalendarYearView> {
    return this.years.get(yearParam(year));
  }

  @Put(':year')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Load a year as JSON, replacing the built-in one (admin, secretariat)',
    description:
      'The JSON of src/domain/calendar/calendar-json.ts: year (must be the path’s), scope, weekend (ISO weekdays, default [6, 7]), daysOff [{date, to?, name, kind holiday|substitute|swap|other, substituteFor?, note?}], makeUpWorkingDays [{date, name, replaces?, note?}], sources, sourceDecision (the notice or decision), provisional. Dates YYYY-MM-DD. Unknown fields are refused. Every problem is reported at once (422, each naming its field, in Vietnamese). Counts for every plan from the next one on (reminder waves, forecast, my-work). Audited.',
  })
  @ApiParam({ name: 'year', example: '2027' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: YEAR_EXAMPLE } })
  @ApiOkResponse({ type: CalendarYearSavedView })
  @ApiBadRequestResponse({ description: 'A year that is not 4 digits; a body that is no object.' })
  @ApiUnprocessableEntityResponse({ description: 'Every problem of the data, by field.' })
  put(
    @CurrentActor() actor: Actor,
    @Param('year') year: string,
    @Body() body: unknown,
  ): Promise<CalendarYearSavedView> {
    return this.years.put(actor, yearParam(year), body);
  }

  @Delete(':year')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Remove a loaded year: the built-in year, or none, counts again (admin, secretariat)',
    description: 'Audited. A built-in year cannot be removed, only replaced with PUT.',
  })
  @ApiParam({ name: 'year', example: '2027' })
  @ApiOkResponse({ type: CalendarYearDeletedView })
  @ApiBadRequestResponse({ description: 'A year that is not 4 digits.' })
  @ApiNotFoundResponse({ description: 'No loaded year with that number.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('year') year: string,
  ): Promise<CalendarYearDeletedView> {
    return this.years.remove(actor, yearParam(year));
  }
}
