import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '../accounts/session-cookie.js';
import type { Actor } from '../auth/actor.js';
import { ROLES } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { MyWorkView } from './my-work.dto.js';
import { MyWorkService } from './my-work.service.js';

/** What is due for the caller (the portal's Việc của tôi). */
@ApiTags('my work')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('me')
export class MyWorkController {
  constructor(private readonly work: MyWorkService) {}

  @Get('work')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'What is due for me: each open window I act in, its deadline and the page to do it on',
    description:
      "Read from the launched campaigns' state as GET /campaigns/{id}/state and GET …/units/{unitCode}/state read it (the campaign rules on PostgreSQL's facts, at the API's clock): a unit's self-assessment while its window is open (on time or late intake) and it has not submitted, its explanation while a request is open and unanswered (its own unit only); an appraiser's rounds 1 and 2 while open, in campaigns whose criteria its agency appraises; the council's approval while its step is open and not given; the secretariat's and admins' own open steps (and the Chairman's decision they record), aggregation steps leading to the results page. Working days come from the working-day calendar (a year without data counts Monday–Friday).",
  })
  @ApiOkResponse({ type: MyWorkView })
  @ApiUnauthorizedResponse({ description: 'No session or token, or an ended or unknown one.' })
  list(@CurrentActor() actor: Actor): Promise<MyWorkView> {
    return this.work.workOf(actor);
  }
}
