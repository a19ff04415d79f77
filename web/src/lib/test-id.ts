/** a data-testid for props objects that antd types without HTML attributes (okButtonProps …) */
export function testId(id: string): object {
  return { 'data-testid': id };
}
