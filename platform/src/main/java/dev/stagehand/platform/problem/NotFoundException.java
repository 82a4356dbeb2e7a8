package dev.stagehand.platform.problem;

/** Something named in the request does not exist (or is not the caller's to see). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
