/** Input a service refuses, with a one-line reason meant for the person who typed it. */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
