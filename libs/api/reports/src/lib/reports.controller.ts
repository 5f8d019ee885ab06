import { Controller, Get, Header, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { currentLanguages, msg, t, uuidPipe } from '@gfmd/api-platform';
import { balanceCsvLines, historyCsvLines } from './balance-csv.util';
import { BalanceQuery, HistoryQuery } from './report.dto';
import { ReportsService } from './reports.service';

/** Reports across a process (docs/reports.md): organizers and admins only. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Roles('organizer')
  @Get('processes/:id/reports/balance')
  @ApiOperation({
    summary: 'Stakeholder balance over the dialogues of a process',
    description:
      'Confirmed and checked-in participants by stakeholder group, UN M49 region and sub-region (from the country) ' +
      'and dialogue; first-time vs returning organizations. Dialogues erased by retention count with the numbers kept. ' +
      'A phase, theme or dialogue that is not the process’s answers 400.',
  })
  @ApiOkResponse({ description: 'BalanceReport' })
  balance(@Param('id', uuidPipe) id: string, @Query() query: BalanceQuery, @CurrentUser() user: AuthUser) {
    return this.reports.balance(id, query, user);
  }

  @Roles('organizer')
  @Get('processes/:id/reports/balance.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The balance report as CSV (sections: totals, group, region, sub_region, dialogue)' })
  @ApiOkResponse({
    description:
      "CSV with a header line; named balance-<process id>.csv. The header line is in the reader's language " +
      '(`?lang=` or Accept-Language: en, fr, es; others read English), with Content-Language; the English header ' +
      'is the snake_case one it always was. Sections and keys stay the API codes (joinable).',
  })
  async balanceCsv(
    @Param('id', uuidPipe) id: string,
    @Query() query: BalanceQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const report = await this.reports.balance(id, query, user);
    res.header('Content-Language', currentLanguages().text);
    // Written now, inside the request (its language), not lazily while streaming.
    return new StreamableFile(Readable.from([...balanceCsvLines(report)]), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="balance-${id}.csv"`,
    });
  }

  @Roles('organizer')
  @Get('people/history')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Participation history of a person across dialogues',
    description: 'Dialogue, date, status, stakeholder group, check-in; dialogues erased by retention show nothing.',
  })
  @ApiOkResponse({ description: 'ParticipationHistory' })
  history(@Query() query: HistoryQuery) {
    return this.reports.history(query.email);
  }

  @Roles('organizer')
  @Get('people/history.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Participation history of a person as CSV',
    description:
      "Dialogue, date, status, stakeholder group, check-in, registered at. Headers, statuses, groups and yes/no in the reader's " +
      'language (`?lang=` or Accept-Language: en, fr, es; others read English), with Content-Language. The address is not in the file.',
  })
  @ApiOkResponse({ description: 'CSV with a header line; named participation-history.csv (in the reader’s language).' })
  async historyCsv(@Query() query: HistoryQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const history = await this.reports.history(query.email);
    res.header('Content-Language', currentLanguages().text);
    return new StreamableFile(Readable.from([...historyCsvLines(history)]), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${t(msg('reports.history.file'))}.csv"`,
    });
  }
}
