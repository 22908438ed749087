import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Unit } from '../../entities/index.js';
import { ApiError } from '../common/api-error.js';
import type { Actor } from './actor.js';

/**
 * A unit's token acts only for its own unit: on any route with a `:unitCode` parameter, another
 * unit's code is a 403 here, before pipes validate the body (guards run before pipes), so a unit
 * cannot make the API do expensive work on another unit's route. Services keep their own checks
 * (they also decide what staff roles may do).
 */
@Injectable()
export class UnitOwnershipGuard implements CanActivate {
  constructor(private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{
      method: string;
      params?: Record<string, string | undefined>;
      actor?: Actor;
    }>();
    const actor = request.actor;
    const asked = request.params?.unitCode;
    if (actor?.role !== 'unit' || asked === undefined) return true;
    const own = actor.unitId
      ? await this.dataSource
          .getRepository(Unit)
          .findOne({ where: { id: actor.unitId }, select: { id: true, code: true } })
      : null;
    if (own?.code === asked) return true;
    const reading = request.method === 'GET' || request.method === 'HEAD';
    throw new ApiError(
      403,
      'forbidden',
      reading
        ? `Mã truy cập này thuộc một đơn vị khác: đơn vị chỉ được xem bản tự đánh giá, tài liệu kiểm chứng, điểm và tình trạng của chính mình, không được xem dữ liệu của đơn vị ${asked}.`
        : `Mã truy cập này thuộc một đơn vị khác: đơn vị chỉ được thay đổi bản tự đánh giá, tài liệu kiểm chứng và giải trình của chính mình, không được thay đổi dữ liệu của đơn vị ${asked}.`,
    );
  }
}
