package dev.taskq.it.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application entity a task writes: its primary key makes a second run of the same task fail. */
@Entity
@Table(name = "it_effect")
public class Effect {

    @Id
    private String id;

    @Column(nullable = false)
    private String task;

    private String detail;

    protected Effect() {
    }

    public Effect(String id, String task, String detail) {
        this.id = id;
        this.task = task;
        this.detail = detail;
    }

    public String getId() { return id; }
    public String getTask() { return task; }
    public String getDetail() { return detail; }
}
