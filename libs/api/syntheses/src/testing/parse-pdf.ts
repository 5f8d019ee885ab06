// The PDF text reader is shared by every domain's tests (@gfmd/api-testing).
export { parsePdf } from '@gfmd/api-testing';
