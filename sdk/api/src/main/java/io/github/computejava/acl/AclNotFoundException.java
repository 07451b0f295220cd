package io.github.computejava.acl;

import io.github.computejava.ComputeException;

/** A program opened an ACL that the service does not link. */
public class AclNotFoundException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * Creates the exception.
     *
     * @param name the ACL name
     */
    public AclNotFoundException(String name) {
        super("No ACL named '" + name + "' is linked to this service (for local runs, define it in fastly.toml"
                + " [local_server.acls])");
        this.name = name;
    }

    /**
     * The ACL name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }
}
