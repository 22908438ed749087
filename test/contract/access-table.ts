/**
 * docs/access.md's table of who may call what, read for the role-matrix test; and the roles
 * each route's @Roles(…) lets through, read from the running app's controllers.
 */
import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/api/auth/auth.decorators.js';
import type { Role } from '../../src/entities/index.js';

export const CALLERS = [
  'admin',
  'secretariat',
  'appraiser',
  'unit',
  'council',
  'anonymous',
] as const;
export type Caller = (typeof CALLERS)[number];
export const ACCESS = ['allowed', 'own', 'own·published', 'published', 'forbidden'] as const;
export type Access = (typeof ACCESS)[number];

/** "GET /units/{code}" */
export type OperationKey = string;

export function readAccessTable(
  file = 'docs/access.md',
): Map<OperationKey, Record<Caller, Access>> {
  const text = readFileSync(file, 'utf8');
  const table = /<!-- access-table:start -->([\s\S]*?)<!-- access-table:end -->/.exec(text)?.[1];
  if (!table) throw new Error(`${file}: no access table between its markers`);
  const rows = new Map<OperationKey, Record<Caller, Access>>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // "| GET | /path | admin … |": cells[0] and the last are empty.
    if (cells.length !== CALLERS.length + 4 || !/^[A-Z]+$/.test(cells[1]!)) continue;
    if (cells[1] === 'Method') continue;
    const access = cells.slice(3, 3 + CALLERS.length);
    for (const a of access) {
      if (!ACCESS.includes(a as Access)) throw new Error(`${file}: unknown cell "${a}" in ${line}`);
    }
    const key = `${cells[1]} ${cells[2]}`;
    if (rows.has(key)) throw new Error(`${file}: ${key} twice`);
    rows.set(
      key,
      Object.fromEntries(CALLERS.map((c, i) => [c, access[i]])) as Record<Caller, Access>,
    );
  }
  return rows;
}

export interface RouteGuard {
  /** null: any valid token. */
  roles: Role[] | null;
  public: boolean;
}

/** Each route's @Roles and @Public, keyed like the OpenAPI paths ("GET /units/{code}"). */
export function routeGuards(app: INestApplication): Map<OperationKey, RouteGuard> {
  const guards = new Map<OperationKey, RouteGuard>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = `/${base}/${sub}`
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1')
          .replace(/:([A-Za-z]+)/g, '{$1}');
        const meta = (key: string) =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as unknown;
        guards.set(`${method} ${path}`, {
          roles: (meta(ROLES_KEY) as Role[] | undefined) ?? null,
          public: meta(PUBLIC_KEY) === true,
        });
      }
    }
  }
  return guards;
}
