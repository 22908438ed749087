import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { assertSafeInput } from './input-safety.js';

/**
 * Checks the path parameters (NUL, lone surrogates) before a route's own interceptors use them:
 * the evidence upload's interceptor looks the campaign and unit up before any pipe runs. Global
 * interceptors run first; the global pipe checks the same parameters again for routes without.
 */
@Injectable()
export class PathParamsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const { params } = context.switchToHttp().getRequest<{ params?: Record<string, string> }>();
      if (params) assertSafeInput({ ...params }, { type: 'param' });
    }
    return next.handle();
  }
}
