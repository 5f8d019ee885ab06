import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gfmd:public';
/** Marks a route as open to anonymous visitors (a staff token, when sent, is still read). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
